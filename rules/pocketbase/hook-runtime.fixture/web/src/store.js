// Outside pb_hooks a `$app` is the web app's own object, not PocketBase's.
// ok: pocketbase/hook-runtime
window.$app.save({ draft: true })
