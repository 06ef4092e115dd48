// still turns CSS transitions and animations off (on) while the recorder
// opens dropdowns and dialogs; take leaves its style out.
function (P, on) {
  let s = document.querySelector("style[data-af-still]");
  if (on && !s) {
    s = document.createElement("style");
    s.setAttribute("data-af-still", "");
    s.textContent = "*, *::before, *::after { transition: none !important; animation: none !important; }";
    document.head.appendChild(s);
  }
  if (!on && s) s.remove();
  return true;
}
