// last_seq is the number of the last toast recorded (recorder.js).
function (P) {
  return P.rec().seq;
}
