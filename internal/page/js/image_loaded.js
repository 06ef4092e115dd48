// image_loaded is true when the first image of a selector has loaded (it
// has a picture to take: complete, with a width).
function (P, css) {
  const i = document.querySelector(css);
  return !!(i && i.complete && i.naturalWidth > 0);
}
