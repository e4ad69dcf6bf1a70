// In-memory stand-in used by the design-review build (`vite --mode preview`)
// and by screenshot tests. It talks to no backend: nothing here is Base44.

const SAMPLE_DEALS = [
  { id: 'd1', title: 'Annual licence', company: 'Northwind', value: 24000, stage: 'proposal' },
  { id: 'd2', title: 'Pilot', company: 'Contoso', value: 6000, stage: 'qualified' },
  { id: 'd3', title: 'Renewal', company: 'Fabrikam', value: 18000, stage: 'lead' },
];

function makeTable(rows) {
  return {
    list: async () => rows.map((row) => ({ ...row })),
    filter: async (query) =>
      rows.filter((row) => Object.entries(query).every(([key, value]) => row[key] === value)),
  };
}

function makeFakeClient({ deals = SAMPLE_DEALS } = {}) {
  return { entities: { Deal: makeTable(deals), Activity: makeTable([]) } };
}

// Same name as the SDK helper so preview routes read like the real ones.
function createClientFromRequest(request) {
  const stage = new URL(request.url).searchParams.get('stage');
  return makeFakeClient({ deals: stage ? SAMPLE_DEALS.filter((d) => d.stage === stage) : SAMPLE_DEALS });
}

const base44 = makeFakeClient();

export async function loadPreviewDeals() {
  return base44.entities.Deal.list();
}

export async function loadPreviewDealsFor(request) {
  const client = createClientFromRequest(request);
  return client.entities.Deal.list();
}
