/// <reference path="../pb_data/types.d.ts" />

routerAdd("POST", "/api/bookings/{slot}", (e) => {
  const slot = e.request.pathValue("slot")
  // ruleid: pocketbase/hook-runtime
  const taken = $app.findRecordsByFilter("bookings", "slot = {:slot}", "-created", 1, 0, { slot })
  if (taken.length > 0) return e.json(409, { message: "slot taken" })
  // ruleid: pocketbase/hook-runtime
  const bookings = $app.findCollectionByNameOrId("bookings")
  const record = new Record(bookings)
  record.set("slot", slot)
  // ruleid: pocketbase/hook-runtime
  $app.save(record)
  // ruleid: pocketbase/hook-runtime
  $http.send({ url: "https://hooks.example.org/booked", method: "POST", body: JSON.stringify({ slot }) })
  return e.json(200, { id: record.id })
})

cronAdd("reminders", "0 8 * * *", () => {
  const message = new MailerMessage({ to: [{ address: "desk@example.org" }], subject: "Today's bookings" })
  // ruleid: pocketbase/hook-runtime
  $app.newMailClient().send(message)
})
