// ruleid: appwrite/import
import { Client, TablesDB, ID } from 'appwrite';
// ruleid: appwrite/import
import * as sdk from 'node-appwrite';
// ruleid: appwrite/import
const { Account } = require('react-native-appwrite');
// ok: appwrite/import
import { formatDate } from './appwrite-helpers';
// ok: appwrite/import
import { createClient } from 'appwrite-like-orm';

// ok: appwrite/import
const note = "import { Client } from 'appwrite'";

export async function load() {
  // ruleid: appwrite/import
  const mod = await import('node-appwrite');
  return [Client, TablesDB, ID, sdk, Account, formatDate, createClient, note, mod];
}
