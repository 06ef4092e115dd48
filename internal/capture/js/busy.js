// busy reports a running Vue transition (a dropdown, a dialog, the modal
// mask fading in): an element carries x-enter, x-enter-active, x-leave-to, …
function (P) {
  const MOVING = /(?:^|\s)[\w-]+-(?:enter|leave)(?:-active|-to)?(?:\s|$)/;
  const transitioning = () =>
    Array.from(document.querySelectorAll('[class*="-enter"], [class*="-leave"]')).some((e) => MOVING.test(e.getAttribute("class") || ""));
  return transitioning();
}
