/* Tapscore survey: turns the plain forms of a survey view into one page that talks to the JSON API.
   Without this script the same forms post and redirect; with it, the score is stored the moment it is
   chosen and the follow-up appears without a reload. Any failure falls back to the plain form post, which
   carries the same idempotency key, so an answer is never lost and never stored twice. */
(function () {
  'use strict';
  var root = document.querySelector('[data-ts-survey]');
  if (!root) { return; }
  document.documentElement.classList.add('js');

  var scoreForm = root.querySelector('[data-ts-score]');
  var followUpForm = root.querySelector('[data-ts-followup]');
  var thanks = root.querySelector('[data-ts-thanks]');
  var radios = Array.prototype.slice.call(scoreForm.querySelectorAll('input[name=score]'));
  var rtl = root.getAttribute('data-dir') === 'rtl';
  var state = { busy: false, done: false, id: null, token: null };

  // ---- embed: tell the embedding page (pop-up, iframe) and in-app WebView bridges what happens -------------
  // Protocol (DESIGN.md §3): tapscore:ready, :height {px}, :answered {score, category}, :completed, :close.
  // Messages go to the parent's explicit origin only: the one the server checked (data-parent-origin), else
  // the one the browser reports; never "*".
  var framed = window.parent !== window;
  var parentOrigin = root.getAttribute('data-parent-origin');
  if (!parentOrigin && location.ancestorOrigins && location.ancestorOrigins.length) {
    parentOrigin = location.ancestorOrigins[0];
  }
  if (!parentOrigin && document.referrer) {
    try { parentOrigin = new URL(document.referrer).origin; } catch (e) { parentOrigin = ''; }
  }
  var bridges = window.webkit && window.webkit.messageHandlers && window.webkit.messageHandlers.tapscore
    || window.TapscoreAndroid || window.ReactNativeWebView;

  function notify(type, data, parentOnly) {
    var msg = { type: 'tapscore:' + type, campaign: root.getAttribute('data-campaign') };
    for (var k in data) { msg[k] = data[k]; }
    if (framed && parentOrigin && parentOrigin !== 'null') {
      try { window.parent.postMessage(msg, parentOrigin); } catch (e) { /* a bad origin must not break the survey */ }
    }
    if (parentOnly || !bridges) { return; }
    var json = JSON.stringify(msg);
    try {
      if (window.webkit && window.webkit.messageHandlers && window.webkit.messageHandlers.tapscore) {
        window.webkit.messageHandlers.tapscore.postMessage(msg);
      }
      if (window.TapscoreAndroid) { window.TapscoreAndroid.postMessage(json); }
      if (window.ReactNativeWebView) { window.ReactNativeWebView.postMessage(json); }
    } catch (e) { /* a broken bridge must not break the survey */ }
  }

  if (framed && window.ResizeObserver) {
    new ResizeObserver(function () {
      notify('height', { px: Math.ceil(document.documentElement.getBoundingClientRect().height) }, true);
    }).observe(document.documentElement);
  }

  var closer = root.querySelector('[data-ts-close]');
  if ((framed && root.getAttribute('data-channel') === 'POPUP') || bridges) {
    closer.hidden = false;
    root.setAttribute('data-closable', '');
    closer.addEventListener('click', function () { notify('close'); });
    document.addEventListener('keydown', function (e) { if (e.key === 'Escape') { notify('close'); } });
    // The pop-up focuses its frame when it opens; focus then moves on to the first thing to answer.
    window.addEventListener('focus', function () {
      if (document.activeElement === document.body || document.activeElement === null) {
        var step = root.querySelector('.ts-step:not([hidden])');
        var first = step && (step.querySelector('input:checked') || step.querySelector('input[type=radio], textarea') || step);
        if (first) { first.focus(); }
      }
    });
  }
  // ---- end embed -------------------------------------------------------------------------------------------

  function field(form, name) { return form.querySelector('input[name=' + name + ']').value; }

  function send(method, url, body, headers) {
    var h = { 'Content-Type': 'application/json', 'Accept': 'application/json' };
    for (var k in headers) { h[k] = headers[k]; }
    return fetch(url, { method: method, headers: h, body: JSON.stringify(body), credentials: 'omit' })
      .then(function (res) {
        if (!res.ok) { throw new Error('HTTP ' + res.status); }
        return res.json();
      });
  }

  function show(step) {
    [scoreForm, followUpForm, thanks].forEach(function (el) { el.hidden = el !== step; });
    root.setAttribute('data-step', step === scoreForm ? 'score' : step === followUpForm ? 'followup' : 'thanks');
  }

  function choose(radio) {
    if (state.busy || state.done) { return; }
    state.busy = true;
    radio.checked = true;
    scoreForm.classList.add('ts-busy');
    var body = {
      campaign: root.getAttribute('data-campaign'),
      score: parseInt(radio.value, 10),
      channel: root.getAttribute('data-channel'),
      idempotencyKey: field(scoreForm, 'key'),
      locale: root.getAttribute('data-lang')
    };
    var loc = root.getAttribute('data-location');
    var device = root.getAttribute('data-device');
    if (loc) { body.location = loc; }
    if (device) { body.device = device; }
    var invitation = root.getAttribute('data-invitation');
    if (invitation) { body.invitation = invitation; } // personal link: the server binds the respondent
    var pageUrl = root.getAttribute('data-page-url');
    if (pageUrl) { body.pageUrl = pageUrl; }
    send('POST', '/api/v1/responses', body, {}).then(function (saved) {
      state.done = true;
      state.id = saved.id;
      state.token = saved.editToken;
      followUpForm.querySelector('input[name=r]').value = saved.id;
      followUpForm.querySelector('input[name=t]').value = saved.editToken;
      followUpForm.querySelector('[data-ts-followup-text]').textContent = saved.followUp;
      show(followUpForm);
      followUpForm.querySelector('textarea').focus();
      notify('answered', { score: body.score, category: saved.category });
    }).catch(function () {
      // The plain post records the same answer (same key) and continues without script.
      scoreForm.submit();
    });
  }

  radios.forEach(function (radio, index) {
    radio.addEventListener('change', function () { if (radio.checked) { choose(radio); } });
    // A preselected score (from an email link) fires no change when tapped: a tap on it chooses it.
    radio.addEventListener('click', function (e) { if (radio.checked && e.isTrusted) { choose(radio); } });
    radio.addEventListener('keydown', function (e) {
      var step = 0;
      if (e.key === 'ArrowDown') { step = 1; }
      else if (e.key === 'ArrowUp') { step = -1; }
      else if (e.key === 'ArrowRight') { step = rtl ? -1 : 1; }
      else if (e.key === 'ArrowLeft') { step = rtl ? 1 : -1; }
      else if (e.key === 'Home') { step = -index; }
      else if (e.key === 'End') { step = radios.length - 1 - index; }
      else if (e.key === 'Enter' || e.key === ' ') {
        // Arrows only move; choosing is deliberate, so a keyboard user never records a score in passing.
        e.preventDefault();
        choose(radio);
        return;
      } else { return; }
      e.preventDefault();
      var next = radios[Math.max(0, Math.min(radios.length - 1, index + step))];
      next.focus();
    });
  });

  followUpForm.addEventListener('submit', function (e) {
    if (!state.id) { return; }
    e.preventDefault();
    var button = followUpForm.querySelector('button');
    if (button.disabled) { return; }
    button.disabled = true;
    send('PATCH', '/api/v1/responses/' + encodeURIComponent(state.id),
         { comment: followUpForm.querySelector('textarea').value }, { 'X-Edit-Token': state.token })
      .then(function () {
        show(thanks);
        thanks.focus();
        notify('completed');
      }).catch(function () {
        followUpForm.submit();
      });
  });

  notify('ready');
})();
