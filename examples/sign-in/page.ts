/** The sign-in page: it asks the site to start a sign-in, shows the QR code, and polls until the wallet answers. */
export const SIGN_IN_PAGE = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Tartu city portal</title>
<style>
  body { font-family: system-ui, sans-serif; margin: 40px; color: #1d2733; }
  main { max-width: 520px; }
  #qr svg { width: 320px; height: 320px; }
  .muted { color: #5b6773; }
  #greeting { overflow-wrap: anywhere; }
</style>
</head>
<body>
<main>
  <h1>Tartu city portal</h1>
  <section id="signed-out">
    <h2>Sign in with your wallet</h2>
    <p class="muted">Scan the code with your wallet app. It will ask you to share your residency card.</p>
    <div id="qr" aria-label="sign-in QR code"></div>
    <p id="expires" class="muted"></p>
  </section>
  <section id="signed-in" hidden>
    <h2 id="greeting"></h2>
    <p id="who"></p>
  </section>
</main>
<script type="module">
  const started = await (await fetch('/api/sign-in', { method: 'POST' })).json()
  document.getElementById('qr').innerHTML = started.svg
  document.getElementById('expires').textContent = 'This code expires at ' + new Date(started.expiresAt).toLocaleTimeString()
  for (;;) {
    await new Promise((resolve) => setTimeout(resolve, 300))
    const status = await (await fetch('/sign-in/status/' + started.id)).json()
    if (status.status === 'pending') continue
    if (status.status === 'complete') {
      const { did, claims } = status.result
      document.getElementById('signed-out').hidden = true
      document.getElementById('signed-in').hidden = false
      document.getElementById('greeting').textContent = 'Signed in as ' + did
      document.getElementById('who').textContent =
        claims.givenName + ' ' + claims.familyName + ', resident of ' + claims.address.locality + ' (' + claims.residencyStatus + ')'
    } else {
      document.getElementById('expires').textContent = 'The code has expired. Reload the page for a new one.'
    }
    break
  }
</script>
</body>
</html>
`
