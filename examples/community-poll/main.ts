import { runCommunityPollExample } from './runCommunityPollExample.js'

await runCommunityPollExample((line) => console.log(line))
