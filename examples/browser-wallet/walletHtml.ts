/** The wallet page's HTML; the script is the bundled walletPage.ts. */
export const WALLET_HTML = `<!doctype html>
<html lang="en">
<meta charset="utf-8">
<title>Civitas wallet</title>
<style>
  body { font-family: system-ui, sans-serif; max-width: 44rem; margin: 2rem auto; line-height: 1.4 }
  textarea, input { width: 100%; box-sizing: border-box; font-family: monospace }
  code, output { word-break: break-all; font-family: monospace }
  .qr svg { width: 12rem; height: 12rem }
  #error { color: #b00020 }
</style>
<h1>Civitas wallet</h1>
<p>Your DID: <code id="did"></code></p>
<p id="error" role="alert"></p>
<h2>Receive a credential</h2>
<textarea id="token" rows="4" placeholder="Paste a credential (JWT)"></textarea>
<button id="receive">Receive</button>
<h2>Your credentials</h2>
<ul id="credentials"></ul>
<h2>Sign in with your wallet</h2>
<textarea id="request" rows="3" placeholder="Paste or scan an openid4vp:// request"></textarea>
<button id="respond">Sign in</button>
<p><output id="signed-in"></output></p>
<h2>Your DID for one service</h2>
<input id="client-id" placeholder="The service's client id">
<button id="pairwise">Show</button>
<p><code id="pairwise-did"></code></p>
<h2>Present your residency card</h2>
<input id="audience" placeholder="Audience"> <input id="nonce" placeholder="Nonce">
<button id="present">Present</button>
<p><output id="presentation"></output></p>
<script type="module" src="/wallet.js"></script>
</html>
`
