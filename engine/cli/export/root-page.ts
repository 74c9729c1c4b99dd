// The static copy's home page (/index.html): a plain web server has no redirect of its own, so the
// page sends the reader on to the published criteria, with a link for a browser that does not follow.

/** The home page of the static copy, in Thai with English beneath. */
export function rootPage(): string {
  return `<!doctype html>
<html lang="th">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="icon" href="/favicon.svg" type="image/svg+xml">
<meta http-equiv="refresh" content="0; url=/criteria">
<title>เกณฑ์การจัดระดับภารกิจ กรมการพัฒนาชุมชน</title>
</head>
<body>
<p><a href="/criteria">เกณฑ์การจัดระดับภารกิจที่เผยแพร่แล้ว</a></p>
<p lang="en"><a href="/criteria">Published mission criteria</a></p>
</body>
</html>
`;
}
