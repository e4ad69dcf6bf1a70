// A helper the hooks require(): it runs in the same VM, with the same globals.
module.exports = {
  log(collectionName, data) {
    // ruleid: pocketbase/hook-runtime
    const record = new Record($app.findCollectionByNameOrId(collectionName))
    record.set("data", data)
    // ruleid: pocketbase/hook-runtime
    $app.save(record)
  },
  localApp() {
    const $app = { save: (r) => r }
    // ok: pocketbase/hook-runtime
    return $app.save({ id: 1 })
  },
}
