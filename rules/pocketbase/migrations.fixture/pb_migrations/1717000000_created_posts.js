/// <reference path="../pb_data/types.d.ts" />
// ruleid: pocketbase/migrations
migrate((app) => {
  const collection = new Collection({ name: 'posts', type: 'base', listRule: null });
  return app.save(collection);
}, (app) => {
  // ok: pocketbase/migrations
  return app.delete(app.findCollectionByNameOrId('posts'));
});
