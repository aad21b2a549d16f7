/* Beheer (Django admin): the two-list selector (filter_horizontal) puts aria-label on a bare
   <span> icon, which assistive technology ignores (axe: aria-prohibited-attr). Give such icons
   role="img" so the label is announced. Runs on every change of the page (the widget is built
   by the admin's own script after load). */
(function () {
  "use strict";
  function fix(root) {
    root.querySelectorAll("span[aria-label]:not([role])").forEach(function (icon) {
      icon.setAttribute("role", "img");
    });
  }
  fix(document);
  new MutationObserver(function () { fix(document); })
    .observe(document.documentElement, {childList: true, subtree: true});
}());
