// Registers the checks on browser code that makes access decisions the backend should make: a
// secret code read from the database and compared on the client, and counters written back by
// read-modify-write from the browser (which needs every visitor to hold update permission), and admin
// status read from a document in a workspace without Security Rules.

import { registerCheck } from '../registry';
import { clientAdminDocument } from './adminDocument';
import { clientCounterWrite } from './counterWrite';
import { clientSecretCompare } from './secretCompare';

registerCheck(clientSecretCompare);
registerCheck(clientCounterWrite);
registerCheck(clientAdminDocument);
