/* Tapscore contact import: polls a running import and moves the progress bar; the page works without it. */
(function () {
  'use strict';
  // Forms tell the server not to hold the answer back for browsers without JavaScript: this page polls instead.
  Array.prototype.forEach.call(document.querySelectorAll('#upload-form, #import-form'), function (form) {
    form.addEventListener('submit', function () {
      form.elements.wait.value = '0';
    });
  });
  var job = document.getElementById('import-job');
  if (!job) {
    return;
  }
  var phase = job.getAttribute('data-phase');
  if (phase !== 'checking' && phase !== 'storing') {
    return;
  }
  var bar = document.getElementById('import-bar');
  var state = document.getElementById('import-state');
  var hint = job.querySelector('.no-script-hint');
  if (hint) {
    hint.hidden = true;
  }
  function poll() {
    fetch(job.getAttribute('data-status'), {credentials: 'same-origin', headers: {Accept: 'application/json'}})
      .then(function (response) {
        if (response.status === 404 || response.status === 403 || response.status === 401) {
          // Final answers: the job is gone (another node, a restart) or the sign-in expired; polling cannot help.
          state.textContent = 'This import cannot be followed any more; reload the page.';
          return null;
        }
        if (!response.ok) {
          throw new Error('status ' + response.status);
        }
        return response.json();
      })
      .then(function (s) {
        if (s === null) {
          return;
        }
        if (s.max >= 0) {
          bar.max = Math.max(1, s.max);
          bar.value = s.value;
        } else {
          bar.removeAttribute('value');
        }
        state.textContent = s.text;
        if (s.phase === 'checking' || s.phase === 'storing') {
          setTimeout(poll, 400);
        } else {
          // The report (problems, counts, the import buttons) is rendered by the server.
          window.location.reload();
        }
      })
      .catch(function () {
        setTimeout(poll, 2000);
      });
  }
  setTimeout(poll, 200);
}());
