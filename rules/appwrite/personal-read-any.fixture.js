const { Client, Databases, ID, Permission, Role } = require('node-appwrite');

const settings = { dbId: 'app', memberProfilesId: 'member_profiles', articlesId: 'articles' };
const db = new Databases(new Client().setProject('demo'));

async function importMember(member) {
  return db.createDocument(settings.dbId, settings.memberProfilesId, member.id, member, [
    // ruleid: appwrite/personal-read-any
    Permission.read(Role.any()),
    Permission.update(Role.user(member.id)),
  ]);
}

async function saveProfile(userId, fields) {
  return db.updateDocument({
    databaseId: 'app',
    collectionId: 'profiles',
    documentId: userId,
    data: fields,
    // ruleid: appwrite/personal-read-any
    permissions: [Permission.read(Role.any())],
  });
}

async function publishArticle(authorId, body) {
  // Public content: world-readable by design.
  return db.createDocument(settings.dbId, settings.articlesId, ID.unique(), { body, authorId }, [
    // ok: appwrite/personal-read-any
    Permission.read(Role.any()),
    Permission.update(Role.user(authorId)),
  ]);
}

async function importMemberPrivately(member) {
  return db.createDocument(settings.dbId, settings.memberProfilesId, member.id, member, [
    // ok: appwrite/personal-read-any
    Permission.read(Role.users()),
    // ok: appwrite/personal-read-any
    Permission.read(Role.user(member.id)),
  ]);
}

module.exports = { importMember, saveProfile, publishArticle, importMemberPrivately };
