/// <reference path="../pb_data/types.d.ts" />
migrate((app) => {
  const orders = app.findCollectionByNameOrId("orders");
  // ruleid: pocketbase/empty-rule-write
  orders.updateRule = "";
  // ruleid: pocketbase/empty-rule-write
  orders.deleteRule = '';
  // null locks the action to superusers.
  // ok: pocketbase/empty-rule-write
  orders.createRule = null;
  // ok: pocketbase/empty-rule-write
  orders.listRule = "";
  app.save(orders);

  const users = app.findCollectionByNameOrId("users");
  // Public sign-up on an auth collection is PocketBase's default.
  // ok: pocketbase/empty-rule-write
  users.createRule = "";
  // ruleid: pocketbase/empty-rule-write
  users.manageRule = "";
  app.save(users);

  const tickets = new Collection({
    type: "base",
    name: "tickets",
    listRule: "user = @request.auth.id",
    // ruleid: pocketbase/empty-rule-write
    createRule: "",
    // ok: pocketbase/empty-rule-write
    updateRule: "user = @request.auth.id",
    // ok: pocketbase/empty-rule-write
    deleteRule: null,
  });
  // A string that merely mentions the rule is not a rule:
  // ok: pocketbase/empty-rule-write
  console.log('set updateRule = "" to open it');
  return app.save(tickets);
}, (app) => {
  const orders = app.findCollectionByNameOrId("orders");
  orders.updateRule = null;
  return app.save(orders);
});
