const admin = require('firebase-admin');

admin.initializeApp();
const db = admin.firestore();

async function renameList(data) {
  await db.collection('lists').doc(data.listId).update({ title: data.title });
}

async function addItem(data) {
  await db.collection('items').add({ listId: data.listId, text: data.text });
}

function wipeAccounts() {
  admin.auth().listUsers(1000).then((page) => admin.auth().deleteUsers(page.users.map((u) => u.uid)));
}

module.exports = { renameList, addItem, wipeAccounts };
