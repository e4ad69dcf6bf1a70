// The usual wildcard headers for a bearer-token API: no credentials, nothing to report.
export const corsHeaders = {
  // ok: generic/cors-credentials-any-origin
  'Access-Control-Allow-Origin': '*',
  'Access-Control-Allow-Headers': 'authorization, x-client-info, apikey, content-type',
};
