/* Tapscore live screen: applies server-sent updates. Text only ever goes in through textContent. */
(function () {
  'use strict';
  var root = document.getElementById('live');
  if (!root || !window.EventSource) {
    return;
  }
  function set(id, value) {
    var el = document.getElementById(id);
    if (el) {
      el.textContent = String(value);
    }
  }
  var source = new EventSource(root.getAttribute('data-events'));
  source.addEventListener('update', function (event) {
    var d = JSON.parse(event.data);
    set('live-nps', d.nps);
    set('live-n', d.n);
    set('live-promoters', d.promoters);
    set('live-passives', d.passives);
    set('live-detractors', d.detractors);
    var list = document.getElementById('live-comments');
    while (list.firstChild) {
      list.removeChild(list.firstChild);
    }
    d.comments.forEach(function (c) {
      var item = document.createElement('li');
      var score = document.createElement('span');
      score.className = 'score ' + c.category;
      score.textContent = String(c.score);
      var comment = document.createElement('span');
      comment.className = 'comment';
      comment.textContent = c.comment;
      item.appendChild(score);
      item.appendChild(document.createTextNode(' '));
      item.appendChild(comment);
      list.appendChild(item);
    });
    root.setAttribute('data-version', d.version);
  });
}());
