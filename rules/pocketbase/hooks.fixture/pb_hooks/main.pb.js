/// <reference path="../pb_data/types.d.ts" />

// ruleid: pocketbase/hooks
routerAdd('GET', '/api/hello', (e) => {
  return e.json(200, { message: 'hello' });
});

// ruleid: pocketbase/hooks
onRecordAfterCreateSuccess((e) => {
  e.next();
}, 'posts');

// ok: pocketbase/hooks
// routerAdd('GET', '/disabled', handler)
const onlyOnce = true;

// ruleid: pocketbase/hooks
cronAdd('cleanup', '0 3 * * *', () => {});
