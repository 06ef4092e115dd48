// toasts_since lists the toasts recorded after seq (recorder.js).
function (P, seq) {
  return P.rec().msgs.filter((m) => m.seq > seq);
}
