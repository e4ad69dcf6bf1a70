const router = { routerAdd: () => {} };
// ok: pocketbase/hooks
routerAdd('GET', '/not-pocketbase');
router.routerAdd();
