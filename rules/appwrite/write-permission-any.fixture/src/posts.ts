import { Client, Databases, ID, Permission, Role } from 'appwrite';

const client = new Client().setEndpoint('https://cloud.appwrite.io/v1').setProject('demo');
const databases = new Databases(client);

export async function createPost(userId: string, title: string) {
  return databases.createDocument('main', 'posts', ID.unique(), { title }, [
    Permission.read(Role.any()),
    // ruleid: appwrite/write-permission-any
    Permission.update(Role.any()),
    // ruleid: appwrite/write-permission-any
    Permission.delete(Role.any()),
    // ok: appwrite/write-permission-any
    Permission.write(Role.user(userId)),
    // Every signed-in user, not guests: a different question.
    // ok: appwrite/write-permission-any
    Permission.update(Role.users()),
  ]);
}

export async function createComment(postId: string) {
  return databases.createDocument('main', 'comments', ID.unique(), { postId }, [
    // The permission string form is the same grant.
    // ruleid: appwrite/write-permission-any
    'write("any")',
    // ok: appwrite/write-permission-any
    'read("any")',
  ]);
}
