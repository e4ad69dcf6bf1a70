// A helper below the functions folder: not a function of its own.
// ok: netlify/function-handler
export default function format(value) {
  return String(value)
}
