import { Amplify } from 'aws-amplify';
import { createServerRunner } from '@aws-amplify/adapter-nextjs';
import outputs from '../amplify_outputs.json';

// ruleid: amplify/configure
Amplify.configure(outputs);

// ruleid: amplify/configure
export const { runWithAmplifyServerContext } = createServerRunner({ config: outputs });

const App = { configure: (o: object) => o };
// ok: amplify/configure
App.configure({ theme: 'dark' });
