/* Tapscore kiosk: the unattended in-store view. The whole flow (score → follow-up → thank-you → blank scale) runs
   in this page with the texts the view embedded, so it keeps working while the shop's network is down. Every
   answer is written to IndexedDB first (with its idempotency key and the time it was given), then sent to the
   server with growing pauses between failures; the server stores each key once, so a resend never duplicates.
   Served by the kiosk runtime (data-mode="runtime"), finished answers go to the runtime's local journal instead. */
(function () {
  'use strict';
  var VERSION = 'kiosk.js 1';
  var root = document.querySelector('[data-ts-kiosk]');
  if (!root) { return; }
  document.documentElement.classList.add('js');

  function q(sel) { return root.querySelector(sel); }
  function attr(name) { return root.getAttribute(name) || ''; }

  var cfg = {
    campaign: attr('data-campaign'),
    device: attr('data-device'),
    lang: attr('data-lang'),
    mode: attr('data-mode') === 'runtime' ? 'runtime' : 'direct',
    resetSeconds: Math.max(1, parseInt(attr('data-reset-seconds'), 10) || 5),
    idleSeconds: Math.max(2, parseInt(attr('data-idle-seconds'), 10) || 30),
    pinHash: attr('data-pin-hash'),
    followUp: {
      detractor: attr('data-followup-detractor'),
      passive: attr('data-followup-passive'),
      promoter: attr('data-followup-promoter')
    }
  };

  var steps = {
    attract: q('[data-ts-attract]'),
    score: q('[data-ts-score]'),
    followup: q('[data-ts-followup]'),
    thanks: q('[data-ts-thanks]')
  };
  var radios = Array.prototype.slice.call(steps.score.querySelectorAll('input[name=score]'));
  var comment = q('#ts-comment');
  var countdown = q('[data-ts-countdown]');
  var countdownNumber = q('[data-ts-countdown-number]');
  var queueBadge = q('[data-ts-queue]');
  var queueCount = q('[data-ts-queue-count]');
  var skip = q('[data-ts-skip]');

  // ---------------------------------------------------------------- storage: IndexedDB, memory if unavailable
  var store = (function () {
    var memory = {};
    var opening = new Promise(function (resolve) {
      try {
        var req = indexedDB.open('tapscore-kiosk', 1);
        req.onupgradeneeded = function () { req.result.createObjectStore('answers', { keyPath: 'key' }); };
        req.onsuccess = function () { resolve(req.result); };
        req.onerror = function () { resolve(null); };
      } catch (e) { resolve(null); }
    });
    function run(mode, fn) {
      return opening.then(function (db) {
        if (!db) { return fn(null); }
        return new Promise(function (resolve, reject) {
          var tx = db.transaction('answers', mode);
          var result = fn(tx.objectStore('answers'));
          tx.oncomplete = function () { resolve(result && 'result' in result ? result.result : undefined); };
          tx.onerror = function () { reject(tx.error); };
          tx.onabort = function () { reject(tx.error); };
        });
      });
    }
    return {
      put: function (rec) {
        return run('readwrite', function (s) { if (!s) { memory[rec.key] = rec; return null; } return s.put(rec); });
      },
      // Read, change and write one answer in a single transaction, so the flow and the sync never undo each other.
      update: function (key, change) {
        return run('readwrite', function (s) {
          if (!s) { if (memory[key]) { change(memory[key]); } return { result: memory[key] }; }
          var holder = { result: undefined };
          var read = s.get(key);
          read.onsuccess = function () {
            if (read.result) { change(read.result); s.put(read.result); }
            holder.result = read.result;
          };
          return holder;
        });
      },
      get: function (key) {
        return run('readonly', function (s) { return s ? s.get(key) : { result: memory[key] }; });
      },
      remove: function (key) {
        return run('readwrite', function (s) { if (!s) { delete memory[key]; return null; } return s.delete(key); });
      },
      all: function () {
        return run('readonly', function (s) {
          return s ? s.getAll() : { result: Object.keys(memory).map(function (k) { return memory[k]; }) };
        });
      }
    };
  })();
  try { if (navigator.storage && navigator.storage.persist) { navigator.storage.persist(); } } catch (e) { /* best effort */ }

  function uuid() {
    if (window.crypto && crypto.randomUUID) { return crypto.randomUUID(); }
    var b = crypto.getRandomValues(new Uint8Array(16));
    b[6] = (b[6] & 15) | 64; b[8] = (b[8] & 63) | 128;
    var h = Array.prototype.map.call(b, function (x) { return (x + 256).toString(16).slice(1); }).join('');
    return h.slice(0, 8) + '-' + h.slice(8, 12) + '-' + h.slice(12, 16) + '-' + h.slice(16, 20) + '-' + h.slice(20);
  }

  function category(score) { return score <= 6 ? 'detractor' : score <= 8 ? 'passive' : 'promoter'; }

  var status = { lastSync: readLastSync(), online: null, waiting: 0, runtimePending: 0 };
  function readLastSync() { try { return localStorage.getItem('tapscore-kiosk-last-sync'); } catch (e) { return null; } }
  function synced() {
    status.lastSync = new Date().toISOString();
    status.online = true;
    try { localStorage.setItem('tapscore-kiosk-last-sync', status.lastSync); } catch (e) { /* memory only */ }
  }

  // ---------------------------------------------------------------- the customer flow
  var current = null;       // the answer of the customer at the screen, until the thank-you
  var countdownTimer = null;
  var idleTimer = null;

  function show(name) {
    Object.keys(steps).forEach(function (k) { steps[k].hidden = k !== name; });
    root.setAttribute('data-step', name);
    if (name !== 'thanks') { stopCountdown(); }
    touch();
  }

  function blankScale() {
    radios.forEach(function (r) { r.checked = false; });
    comment.value = '';
    show('score');
  }

  function choose(radio) {
    if (current || root.getAttribute('data-step') !== 'score') { return; }
    var score = parseInt(radio.value, 10);
    radio.checked = true;
    current = {
      key: uuid(), campaign: cfg.campaign, device: cfg.device, score: score, locale: cfg.lang,
      answeredAt: new Date().toISOString(), comment: null, closed: false, posted: false, commentSent: false
    };
    var rec = current;
    q('[data-ts-followup-text]').textContent = cfg.followUp[category(score)];
    comment.value = '';
    show('followup');
    store.put(rec).then(sync, function () { /* stays in memory in `current` until finished */ });
  }

  function finish(text) {
    var rec = current;
    current = null;
    if (!rec) { return; }
    rec.comment = text ? text : null;
    rec.closed = true;
    // The sync may have posted the score meanwhile: keep what it learned (id, edit token).
    store.update(rec.key, function (stored) {
      stored.comment = rec.comment;
      stored.closed = true;
    }).then(function (stored) { return stored ? null : store.put(rec); }).then(sync, sync);
  }

  function startCountdown() {
    var left = cfg.resetSeconds;
    countdownNumber.textContent = String(left);
    countdown.hidden = false;
    stopCountdown();
    countdownTimer = setInterval(function () {
      left -= 1;
      countdownNumber.textContent = String(Math.max(0, left));
      if (left <= 0) { blankScale(); }
    }, 1000);
  }

  function stopCountdown() {
    if (countdownTimer) { clearInterval(countdownTimer); countdownTimer = null; }
  }

  // Nobody touched the screen for a while: an unfinished comment is dropped (the score is already kept).
  function touch() {
    if (idleTimer) { clearTimeout(idleTimer); }
    idleTimer = setTimeout(idle, cfg.idleSeconds * 1000);
  }

  function idle() {
    var step = root.getAttribute('data-step');
    closeStaff();
    if (step === 'followup') {
      finish(null);
    }
    if (step === 'followup' || step === 'score') {
      radios.forEach(function (r) { r.checked = false; });
      comment.value = '';
      show('attract');
    }
  }

  radios.forEach(function (radio) {
    radio.addEventListener('change', function () { if (radio.checked) { choose(radio); } });
    radio.addEventListener('keydown', function (e) {
      if (e.key === 'Enter' || e.key === ' ') { e.preventDefault(); choose(radio); }
    });
  });

  steps.followup.addEventListener('submit', function (e) {
    e.preventDefault();
    finish(comment.value.trim());
    show('thanks');
    steps.thanks.focus();
    startCountdown();
  });
  skip.hidden = false;
  skip.addEventListener('click', function () {
    finish(null);
    show('thanks');
    steps.thanks.focus();
    startCountdown();
  });
  // The next customer need not wait for the countdown.
  steps.thanks.addEventListener('click', blankScale);
  steps.attract.addEventListener('click', blankScale);

  ['pointerdown', 'keydown', 'input'].forEach(function (type) {
    document.addEventListener(type, touch, true);
  });
  // Touch first and unattended: no zoom gestures, no context menu, no dragging things out of the page.
  document.addEventListener('touchmove', function (e) { if (e.touches && e.touches.length > 1) { e.preventDefault(); } },
    { passive: false });
  ['gesturestart', 'contextmenu', 'dragstart', 'dblclick'].forEach(function (type) {
    document.addEventListener(type, function (e) { e.preventDefault(); });
  });

  // ---------------------------------------------------------------- delivery
  var syncing = false;
  var again = false;
  var failures = 0;
  var retryTimer = null;

  function request(method, url, body, headers) {
    var h = { 'Content-Type': 'application/json', 'Accept': 'application/json' };
    Object.keys(headers || {}).forEach(function (k) { h[k] = headers[k]; });
    return fetch(url, { method: method, headers: h, body: JSON.stringify(body), credentials: 'omit', cache: 'no-store' })
      .then(function (res) {
        return res.text().then(function (text) {
          var json = null;
          try { json = text ? JSON.parse(text) : null; } catch (e) { json = null; }
          return { status: res.status, json: json, retryAfter: parseInt(res.headers.get('Retry-After'), 10) };
        });
      });
  }

  // Refusals that a resend cannot change; the answer is kept aside (dead) instead of blocking the queue.
  function final(status) { return status === 400 || status === 404 || status === 413 || status === 422; }

  function Retry(after) { this.after = after; }

  function deliverDirect(rec) {
    var step = Promise.resolve(rec);
    if (!rec.posted) {
      var body = { campaign: rec.campaign, score: rec.score, channel: 'KIOSK', idempotencyKey: rec.key,
        locale: rec.locale, answeredAt: rec.answeredAt };
      if (rec.device) { body.device = rec.device; }
      var withComment = rec.closed && rec.comment ? rec.comment : null;
      if (withComment) { body.comment = withComment; }
      step = request('POST', '/api/v1/responses', body).then(function (res) {
        if (res.status === 200 || res.status === 201) {
          synced();
          return store.update(rec.key, function (fresh) {
            fresh.posted = true;
            fresh.id = res.json.id;
            fresh.editToken = res.json.editToken;
            if (withComment && fresh.comment === withComment) { fresh.commentSent = true; }
          });
        }
        if (final(res.status)) { return dead(rec, res.status); }
        throw new Retry(res.retryAfter);
      });
    }
    return step.then(function (r) {
      if (!r || r.dead) { return null; }
      if (r.posted && r.closed && r.comment && !r.commentSent) {
        return request('PATCH', '/api/v1/responses/' + encodeURIComponent(r.id), { comment: r.comment },
          { 'X-Edit-Token': r.editToken }).then(function (res) {
          if (res.status === 200) { synced(); }
          if (res.status === 200 || final(res.status) || res.status === 403) {
            return store.update(r.key, function (fresh) { fresh.commentSent = fresh.comment === r.comment; });
          }
          throw new Retry(res.retryAfter);
        });
      }
      return r;
    }).then(function (r) {
      if (r && r.posted && r.closed && (!r.comment || r.commentSent)) { return store.remove(r.key); }
      return null;
    });
  }

  // Served by the kiosk runtime: hand the finished answer to its journal in one piece.
  function deliverToRuntime(rec) {
    if (!rec.closed) { return Promise.resolve(); }
    var body = { campaign: rec.campaign, score: rec.score, idempotencyKey: rec.key, locale: rec.locale,
      answeredAt: rec.answeredAt };
    if (rec.comment) { body.comment = rec.comment; }
    return request('POST', '/local/answers', body).then(function (res) {
      if (res.status === 200 || res.status === 201 || res.status === 202) { return store.remove(rec.key); }
      if (final(res.status)) { return dead(rec, res.status); }
      throw new Retry(res.retryAfter);
    });
  }

  function dead(rec, status) {
    return store.update(rec.key, function (fresh) { fresh.dead = status; }).then(function () { return null; });
  }

  function sync() {
    if (syncing) { again = true; return Promise.resolve(); }
    syncing = true;
    again = false;
    if (retryTimer) { clearTimeout(retryTimer); retryTimer = null; }
    return store.all().then(function (all) {
      var pending = all.filter(function (r) { return !r.dead; })
        .sort(function (a, b) { return a.answeredAt < b.answeredAt ? -1 : a.answeredAt > b.answeredAt ? 1 : 0; });
      return pending.reduce(function (chain, rec) {
        return chain.then(function () { return cfg.mode === 'runtime' ? deliverToRuntime(rec) : deliverDirect(rec); });
      }, Promise.resolve());
    }).then(function () {
      failures = 0;
      syncing = false;
      if (again) { return sync(); }
      return refreshQueue();
    }, function (e) {
      syncing = false;
      failures += 1;
      status.online = false;
      var wait = Math.min(30000, 1000 * Math.pow(2, failures - 1)) * (0.5 + Math.random() / 2);
      if (e instanceof Retry && e.after > 0) { wait = Math.max(wait, e.after * 1000); }
      retryTimer = setTimeout(sync, wait);
      return refreshQueue();
    });
  }

  function refreshQueue() {
    return store.all().then(function (all) {
      status.waiting = all.filter(function (r) {
        return !r.dead && (cfg.mode === 'runtime' ? true : !r.posted || (r.closed && r.comment && !r.commentSent));
      }).length;
      var total = status.waiting + status.runtimePending;
      queueCount.textContent = String(total);
      queueBadge.hidden = total === 0;
      root.setAttribute('data-queue', String(total));
      renderStatus();
    });
  }

  function heartbeat() {
    var url = cfg.mode === 'runtime' ? '/local/heartbeat' : '/api/v1/devices/heartbeat';
    if (cfg.mode === 'direct' && !cfg.device) { return; }
    refreshQueue().then(function () {
      var body = { device: cfg.device, queueDepth: status.waiting, version: VERSION };
      if (status.lastSync) { body.lastSync = status.lastSync; }
      return request('POST', url, body);
    }).then(function (res) {
      status.online = res.status === 200;
      if (res.json && typeof res.json.pending === 'number') { status.runtimePending = res.json.pending; }
      if (res.json && res.json.lastSync) { status.lastSync = res.json.lastSync; }
      if (res.status === 200 && status.waiting > 0) { failures = 0; sync(); }
      refreshQueue();
    }, function () { status.online = false; renderStatus(); });
  }

  window.addEventListener('online', function () { failures = 0; sync(); });
  setInterval(heartbeat, 60000);
  // A backstop for a missed timer: look at the queue every 15 s.
  setInterval(function () { if (!syncing && !retryTimer && status.waiting > 0) { sync(); } }, 15000);

  // ---------------------------------------------------------------- staff status: 5 taps in the corner, then the PIN
  var staff = q('[data-ts-staff]');
  var pinForm = q('[data-ts-pin-form]');
  var pinInput = q('#ts-pin');
  var statusList = q('[data-ts-status]');
  var cornerTaps = [];

  q('[data-ts-staff-corner]').addEventListener('pointerdown', function (e) {
    e.stopPropagation();
    var now = Date.now();
    cornerTaps = cornerTaps.filter(function (t) { return now - t < 3000; });
    cornerTaps.push(now);
    if (cornerTaps.length >= 5) { cornerTaps = []; openStaff(); }
  });

  function openStaff() {
    staff.hidden = false;
    root.classList.add('ts-staff-open');
    if (cfg.pinHash) {
      pinForm.hidden = false;
      statusList.hidden = true;
      pinInput.value = '';
      pinInput.focus();
    } else {
      showStatus();
    }
  }

  function closeStaff() {
    staff.hidden = true;
    root.classList.remove('ts-staff-open');
    pinInput.value = '';
  }

  function showStatus() {
    pinForm.hidden = true;
    statusList.hidden = false;
    renderStatus();
    heartbeat();
  }

  function renderStatus() {
    if (staff.hidden) { return; }
    q('[data-ts-status-queue]').textContent = String(status.waiting + status.runtimePending);
    q('[data-ts-status-sync]').textContent = status.lastSync || 'never';
    q('[data-ts-status-online]').textContent = status.online === null ? '?' : status.online ? 'yes' : 'no';
    q('[data-ts-status-mode]').textContent = cfg.mode;
    q('[data-ts-status-version]').textContent = VERSION;
  }

  pinForm.addEventListener('submit', function (e) {
    e.preventDefault();
    var data = new TextEncoder().encode(cfg.campaign + ':' + pinInput.value);
    crypto.subtle.digest('SHA-256', data).then(function (digest) {
      var hex = Array.prototype.map.call(new Uint8Array(digest), function (x) { return (x + 256).toString(16).slice(1); }).join('');
      q('[data-ts-pin-error]').hidden = hex === cfg.pinHash;
      if (hex === cfg.pinHash) { showStatus(); }
    });
  });
  q('[data-ts-staff-close]').addEventListener('click', closeStaff);

  // ---------------------------------------------------------------- start
  if ('serviceWorker' in navigator) {
    navigator.serviceWorker.register('/kiosk-sw.js', { scope: '/kiosk/' }).catch(function () { /* online only */ });
  }
  // The first visit is not yet served through the worker: keep a copy of this view for offline reloads.
  if (!(navigator.serviceWorker && navigator.serviceWorker.controller) && window.caches) {
    caches.open('tapscore-kiosk-v1').then(function (cache) {
      return cache.add(location.href);
    }).catch(function () { /* cached on the next online visit */ });
  }
  // A reload ends whatever customer was at the screen: their answers are complete as they stand.
  store.all().then(function (all) {
    return Promise.all(all.filter(function (r) { return !r.closed; }).map(function (r) {
      return store.update(r.key, function (fresh) { fresh.closed = true; });
    }));
  }).then(function () { sync(); heartbeat(); });
  blankScale();
  root.setAttribute('data-ready', 'true');
})();
