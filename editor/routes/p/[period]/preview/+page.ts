// The preview compiles every mission's draft and published revision to grade uploads in the
// browser; rendered on the server, that compiling would hold the server's request thread (a
// 20,000-key draft for seconds). So the page renders in the browser only; the server sends the texts.
export const ssr = false;
