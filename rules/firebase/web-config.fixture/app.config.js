// Expo's dynamic config passes the web config to the app through `extra`.
module.exports = () => ({
  name: 'patrol',
  extra: {
    // ruleid: firebase/web-config
    firebase: {
      apiKey: process.env.EXPO_PUBLIC_KEY,
      authDomain: process.env.EXPO_PUBLIC_DOMAIN,
      projectId: process.env.EXPO_PUBLIC_PROJECT,
      messagingSenderId: process.env.EXPO_PUBLIC_SENDER,
      appId: process.env.EXPO_PUBLIC_APP,
    },
    // An OAuth client's settings share one key name, not the Firebase shape.
    // ok: firebase/web-config
    oauth: { authDomain: 'login.example.com', clientId: 'abc' },
  },
})
