/* Tapscore kiosk service worker (served at /kiosk-sw.js, scope /kiosk/). Keeps the kiosk view working without
   the server: the view is fetched from the network when it answers within a few seconds (and the copy kept),
   otherwise served from the cache; its assets are served from the cache and refreshed in the background.
   Answers never pass through here: kiosk.js queues them in IndexedDB and sends them itself. */
'use strict';
var CACHE = 'tapscore-kiosk-v1';
var ASSETS = ['/assets/survey.css', '/assets/kiosk.css', '/assets/kiosk.js'];
var NETWORK_TIMEOUT_MS = 5000;

self.addEventListener('install', function (event) {
  event.waitUntil(caches.open(CACHE).then(function (cache) { return cache.addAll(ASSETS); })
    .then(function () { return self.skipWaiting(); }));
});

self.addEventListener('activate', function (event) {
  event.waitUntil(caches.keys().then(function (keys) {
    return Promise.all(keys.filter(function (k) { return k.indexOf('tapscore-kiosk-') === 0 && k !== CACHE; })
      .map(function (k) { return caches.delete(k); }));
  }).then(function () { return self.clients.claim(); }));
});

function withTimeout(promise, ms) {
  return new Promise(function (resolve, reject) {
    var timer = setTimeout(function () { reject(new Error('timeout')); }, ms);
    promise.then(function (v) { clearTimeout(timer); resolve(v); }, function (e) { clearTimeout(timer); reject(e); });
  });
}

function view(request) {
  return caches.open(CACHE).then(function (cache) {
    return withTimeout(fetch(request), NETWORK_TIMEOUT_MS).then(function (response) {
      if (response.ok) {
        cache.put(request, response.clone());
        return response;
      }
      return cache.match(request).then(function (cached) { return cached || response; });
    }, function () {
      return cache.match(request).then(function (cached) {
        return cached || cache.match(request, { ignoreSearch: true }).then(function (any) {
          return any || Response.error();
        });
      });
    });
  });
}

function asset(request) {
  return caches.open(CACHE).then(function (cache) {
    return cache.match(request, { ignoreSearch: true }).then(function (cached) {
      var refresh = fetch(request).then(function (response) {
        if (response.ok) { cache.put(request, response.clone()); }
        return response;
      });
      if (cached) {
        refresh.catch(function () { /* offline: the cached copy serves */ });
        return cached;
      }
      return refresh;
    });
  });
}

self.addEventListener('fetch', function (event) {
  var request = event.request;
  if (request.method !== 'GET') { return; }
  var url = new URL(request.url);
  if (url.origin !== self.location.origin) { return; }
  if (request.mode === 'navigate' && url.pathname.indexOf('/kiosk/') === 0) {
    event.respondWith(view(request));
  } else if (url.pathname.indexOf('/assets/') === 0) {
    event.respondWith(asset(request));
  }
});
