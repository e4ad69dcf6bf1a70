migrate((app) => {
  const collection = new Collection({
    name: "posts",
    type: "base",
    // ruleid: pocketbase/empty-rule-read
    listRule: "",
    // ruleid: pocketbase/empty-rule-read
    viewRule: "",
    // Writes belong to pocketbase/empty-rule-write.
    // ok: pocketbase/empty-rule-read
    createRule: "",
    fields: [{ name: "title", type: "text" }],
  });
  app.save(collection);

  const invoices = app.findCollectionByNameOrId("invoices");
  // ruleid: pocketbase/empty-rule-read
  invoices.listRule = "";
  // ok: pocketbase/empty-rule-read
  invoices.viewRule = "owner = @request.auth.id";
  // ok: pocketbase/empty-rule-read
  invoices.listRule = null;
  return app.save(invoices);
});
