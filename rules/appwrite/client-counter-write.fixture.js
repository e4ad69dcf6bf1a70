import { Client, Databases } from 'appwrite';

const databases = new Databases(new Client().setProject('demo'));

export async function countView(articleId, article) {
  // ruleid: appwrite/client-counter-write
  return databases.updateDocument('site', 'articles', articleId, {
    viewCount: article.viewCount + 1,
  });
}

export async function dropVote(answerId, votes) {
  // ruleid: appwrite/client-counter-write
  return databases.updateRow({ databaseId: 'site', tableId: 'answers', rowId: answerId, data: { votes: (votes - 1) } });
}

export async function renameArticle(articleId, title) {
  // The owner editing their own document: no counter.
  // ok: appwrite/client-counter-write
  return databases.updateDocument('site', 'articles', articleId, { title });
}

export async function setPage(articleId, page) {
  // ok: appwrite/client-counter-write
  return databases.updateDocument('site', 'articles', articleId, { lastPage: 1 + 1, page });
}
