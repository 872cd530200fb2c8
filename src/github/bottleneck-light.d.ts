// Bottleneck without its clustering (Redis) code, as @octokit/plugin-throttling itself imports it.
declare module 'bottleneck/light.js' {
  import Bottleneck from 'bottleneck';
  export default Bottleneck;
}
