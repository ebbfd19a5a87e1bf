/**
 * The sign-in page: it asks the site to start a sign-in and offers it two ways, a QR code for a
 * wallet on another device and an "Open in wallet" link for a wallet on this one; it polls until the
 * wallet answers. A wallet on this device sends the browser back here with a `response_code` in the
 * fragment, which the page trades for the result.
 */
export const SIGN_IN_PAGE = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Tartu city portal</title>
<style>
  body { font-family: system-ui, sans-serif; margin: 40px; color: #1d2733; }
  main { max-width: 520px; }
  #qr svg { width: 320px; height: 320px; }
  .muted { color: #5b6773; }
  .wallet-link { display: inline-block; margin: 8px 0 16px; padding: 10px 18px; border-radius: 6px;
    background: #1d5fbf; color: #fff; text-decoration: none; font-weight: 600; }
  #did { font-size: 0.85em; overflow-wrap: anywhere; }
  #did code { font-size: 0.95em; }
</style>
</head>
<body>
<main>
  <h1>Tartu city portal</h1>
  <section id="signed-out">
    <h2>Sign in with your wallet</h2>
    <p class="muted">Scan the code with your wallet app, or open your wallet on this device.
      It will ask you to share your residency card.</p>
    <div id="qr" aria-label="sign-in QR code"></div>
    <a id="open-in-wallet" class="wallet-link" href="#" hidden>Open in wallet</a>
    <p id="expires" class="muted"></p>
  </section>
  <section id="signed-in" hidden>
    <h2 id="greeting"></h2>
    <p id="who"></p>
    <p id="did" class="muted">Signed in with <code></code></p>
  </section>
</main>
<script type="module">
  const show = (status) => {
    if (status.status !== 'complete') {
      document.getElementById('expires').textContent = 'The sign-in has expired. Reload the page to start again.'
      return
    }
    const { did, claims } = status.result
    document.getElementById('signed-out').hidden = true
    document.getElementById('signed-in').hidden = false
    document.getElementById('greeting').textContent = 'Welcome, ' + claims.givenName + ' ' + claims.familyName
    document.getElementById('who').textContent =
      'Resident of ' + claims.address.locality + ' (' + claims.residencyStatus + ')'
    document.querySelector('#did code').textContent = did
  }
  const responseCode = new URLSearchParams(location.hash.slice(1)).get('response_code')
  if (responseCode !== null) {
    // Back from a wallet on this device: the code, once, fetches the result; the address bar forgets it.
    history.replaceState(null, '', location.pathname)
    show(await (await fetch('/sign-in/result/' + encodeURIComponent(responseCode))).json())
  } else {
    const started = await (await fetch('/api/sign-in', { method: 'POST' })).json()
    document.getElementById('qr').innerHTML = started.svg
    const link = document.getElementById('open-in-wallet')
    link.href = started.qr
    link.hidden = false
    document.getElementById('expires').textContent = 'This code expires at ' + new Date(started.expiresAt).toLocaleTimeString()
    for (;;) {
      await new Promise((resolve) => setTimeout(resolve, 300))
      const status = await (await fetch('/sign-in/status/' + started.id)).json()
      if (status.status === 'pending') continue
      show(status)
      break
    }
  }
</script>
</body>
</html>
`
