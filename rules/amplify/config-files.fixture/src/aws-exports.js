const awsmobile = {
  // ruleid: amplify/config-files
  aws_project_region: 'us-east-1',
  aws_appsync_graphqlEndpoint: 'https://example.appsync-api.us-east-1.amazonaws.com/graphql',
};
export default awsmobile;
