// htmx plus the glue Weerbaar needs under a strict Content-Security-Policy (no inline script, no eval).
import htmx from 'htmx.org';

window.htmx = htmx;

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
