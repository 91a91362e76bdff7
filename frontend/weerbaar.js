// htmx plus the glue Weerbaar needs under a strict Content-Security-Policy (no inline script, no eval).
import htmx from 'htmx.org';

window.htmx = htmx;

// htmx remembers the current address (with its search terms) in sessionStorage for its history cache. That cache is
// off (historyCacheSize 0 in the layout's htmx-config), nothing else reads the address, so it is not kept.
const forgetPath = () => {
  try {
    window.sessionStorage.removeItem('htmx-current-path-for-history');
  } catch (problem) {
    // storage may be switched off; then there is nothing in it either
  }
};
forgetPath();
['htmx:pushedIntoHistory', 'htmx:replacedInHistory', 'htmx:historyRestore'].forEach((name) => {
  document.addEventListener(name, forgetPath);
});

// Every htmx request carries the CSRF token that the layout puts in <meta name="_csrf">.
document.addEventListener('htmx:configRequest', (event) => {
  const token = document.querySelector('meta[name="_csrf"]');
  const header = document.querySelector('meta[name="_csrf_header"]');
  if (token && header) {
    event.detail.headers[header.content] = token.content;
  }
});

// Elements marked data-confirm ask before they submit (no inline onclick handlers under the CSP).
document.addEventListener('submit', (event) => {
  const message = event.target.getAttribute('data-confirm');
  if (message && !window.confirm(message)) {
    event.preventDefault();
  }
});

// Signing out empties the site's storage in this tab too, for browsers that ignore the Clear-Site-Data header the
// sign-out answers with (htmx keeps no page copies there; see historyCacheSize in the layout's htmx-config).
document.addEventListener('submit', (event) => {
  if (event.target.hasAttribute('data-sign-out') && !event.defaultPrevented) {
    try {
      window.sessionStorage.clear();
      window.localStorage.clear();
    } catch (problem) {
      // storage may be switched off; then there is nothing in it either
    }
  }
});

// Passkeys (WebAuthn): a button marked data-passkey="register" or "authenticate" asks the server for options,
// lets the browser and authenticator do the ceremony, and posts the answer back; the server says where to go next.
const fromBase64url = (text) => {
  const base64 = text.replace(/-/g, '+').replace(/_/g, '/') + '==='.slice((text.length + 3) % 4);
  return Uint8Array.from(atob(base64), (c) => c.charCodeAt(0)).buffer;
};
const toBase64url = (buffer) => btoa(String.fromCharCode(...new Uint8Array(buffer)))
  .replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');

const postJson = (url, body) => {
  const headers = { 'Content-Type': 'application/json', Accept: 'application/json' };
  const token = document.querySelector('meta[name="_csrf"]');
  const header = document.querySelector('meta[name="_csrf_header"]');
  if (token && header) {
    headers[header.content] = token.content;
  }
  return fetch(url, { method: 'POST', headers, body: JSON.stringify(body), credentials: 'same-origin' });
};

const credentialJson = (credential, registering) => {
  const response = credential.response;
  return {
    id: credential.id,
    rawId: toBase64url(credential.rawId),
    type: credential.type,
    authenticatorAttachment: credential.authenticatorAttachment ?? null,
    clientExtensionResults: credential.getClientExtensionResults(),
    response: registering
      ? {
        clientDataJSON: toBase64url(response.clientDataJSON),
        attestationObject: toBase64url(response.attestationObject),
        transports: typeof response.getTransports === 'function' ? response.getTransports() : [],
      }
      : {
        clientDataJSON: toBase64url(response.clientDataJSON),
        authenticatorData: toBase64url(response.authenticatorData),
        signature: toBase64url(response.signature),
        userHandle: response.userHandle ? toBase64url(response.userHandle) : null,
      },
  };
};

document.addEventListener('click', async (event) => {
  const button = event.target.closest('[data-passkey]');
  if (!button) {
    return;
  }
  event.preventDefault();
  const status = document.getElementById(button.dataset.status);
  if (!window.PublicKeyCredential) {
    status.textContent = button.dataset.unsupported;
    return;
  }
  const registering = button.dataset.passkey === 'register';
  button.disabled = true;
  try {
    const options = await (await postJson(button.dataset.options, {})).json();
    options.challenge = fromBase64url(options.challenge);
    let credential;
    if (registering) {
      options.user.id = fromBase64url(options.user.id);
      options.excludeCredentials = options.excludeCredentials.map((c) => ({ ...c, id: fromBase64url(c.id) }));
      credential = await navigator.credentials.create({ publicKey: options });
    } else {
      options.allowCredentials = options.allowCredentials.map((c) => ({ ...c, id: fromBase64url(c.id) }));
      credential = await navigator.credentials.get({ publicKey: options });
    }
    const labelField = button.dataset.label ? document.getElementById(button.dataset.label) : null;
    const answer = await postJson(button.dataset.finish, {
      credential: JSON.stringify(credentialJson(credential, registering)),
      label: labelField ? labelField.value : null,
    });
    const result = await answer.json();
    if (answer.ok && result.redirect) {
      window.location.assign(result.redirect);
      return;
    }
    status.textContent = button.dataset.failed;
  } catch (problem) {
    status.textContent = button.dataset.failed;
  }
  button.disabled = false;
});
