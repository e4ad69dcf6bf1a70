migrate((app) => {
  // A blog: everyone reads, only the author edits or deletes. The open read is the design.
  const articles = new Collection({
    name: "articles",
    type: "base",
    // ok: pocketbase/empty-rule-read
    listRule: "",
    // ok: pocketbase/empty-rule-read
    viewRule: "",
    createRule: "@request.auth.id != ''",
    updateRule: "author = @request.auth.id",
    deleteRule: "author = @request.auth.id",
    fields: [{ name: "title", type: "text" }, { name: "author", type: "relation" }],
  });
  app.save(articles);

  // The same rules on private notes: writes were scoped, reads were forgotten.
  const notes = new Collection({
    name: "notes",
    type: "base",
    // ruleid: pocketbase/empty-rule-read
    listRule: "",
    viewRule: "owner = @request.auth.id",
    updateRule: "owner = @request.auth.id",
    deleteRule: "owner = @request.auth.id",
    fields: [{ name: "body", type: "text" }, { name: "owner", type: "relation" }],
  });
  app.save(notes);
});
