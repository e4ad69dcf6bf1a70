// A test double shaped like the Base44 client; it is not a platform binding.
export function makeFakeClient() {
  const table = { list: async () => [], create: async (row) => row };
  return { entities: { Deal: table, Contact: table } };
}
