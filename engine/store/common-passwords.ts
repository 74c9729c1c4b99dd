// Passwords people pick first, refused by the password policy (accounts.ts). Compared after
// lower-casing, NFKC and Thai digits read as 0–9; a password that is one of these with digits,
// symbols or spaces added before or after (password1234, รักคุณ123456) is refused too, and so is one
// typed with the keyboard left in Thai (ยฟหหไนพก is "password" on the Kedmanee layout).
export const COMMON_PASSWORDS: readonly string[] = [
  // The most used passwords of public breach lists.
  'password', 'passw0rd', 'p@ssw0rd', 'p@ssword', 'password1', 'password123', 'password1234', 'passwort',
  '12345678', '123456789', '1234567890', '12345678910', '123456789012', '0123456789', '01234567890',
  '987654321', '9876543210', '0987654321', '11111111', '111111111111', '00000000', '000000000000',
  '88888888', '99999999', '12341234', '123123123', '123123123123', '123321123321', '147258369',
  '123456', '1234567', '654321', '112233', '121212', '696969', '666666',
  'qwerty', 'qwerty123', 'qwertyuiop', 'qwertyuiop12', 'qwertyuiop123', 'qwertyuiop[]', 'asdfghjkl',
  'asdfghjkl;', 'zxcvbnm', 'zxcvbnm,./', '1qaz2wsx', '1qaz2wsx3edc', 'qazwsx', 'qazwsxedc',
  '1q2w3e4r', '1q2w3e4r5t', '1q2w3e4r5t6y', 'zaq12wsx', 'zaq1xsw2', 'q1w2e3r4', 'q1w2e3r4t5y6', 'abc123',
  'abcd1234', 'abcdefgh', 'abcdefghijkl', 'aa123456', 'a1b2c3d4', 'iloveyou', 'iloveyou2',
  'letmein', 'welcome', 'welcome1', 'changeme', 'secret', 'admin', 'administrator', 'root', 'user',
  'guest', 'login', 'default', 'master', 'access', 'monkey', 'dragon', 'sunshine', 'princess',
  'football', 'baseball', 'superman', 'batman', 'starwars', 'trustno1', 'whatever', 'shadow',
  'michael', 'jennifer', 'computer', 'internet', 'samsung', 'google', 'freedom', 'hello', 'hello123',
  'helloworld', 'loveyou', 'mypassword', 'newpassword', 'password!', 'qwe123', 'asd123', 'zxc123',
  // Thai words and places people pick, in Thai and spelled in Latin letters.
  'thailand', 'bangkok', 'krungthep', 'sawasdee', 'sawadee', 'chiangmai', 'phuket', 'khonkaen',
  'pattaya', 'rakthai', 'chaiyo', 'ilovethailand', 'cdd', 'communitydevelopment', 'rubric',
  'รหัสผ่าน', 'สวัสดี', 'สวัสดีครับ', 'สวัสดีค่ะ', 'รักคุณ', 'ฉันรักเธอ', 'รักเธอ', 'คิดถึง',
  'ประเทศไทย', 'กรุงเทพ', 'กรุงเทพมหานคร', 'เชียงใหม่', 'ภูเก็ต', 'ขอนแก่น', 'ไม่รู้', 'พัฒนาชุมชน',
  'กรมการพัฒนาชุมชน', 'ผู้ดูแลระบบ',
  // Rows of the Thai (Kedmanee) keyboard, as typed when a Latin pattern is meant.
  'ๅ/-ภถุึคตจขช', 'ๅ/-ภถุึคตจ', 'ๅ/-ภถุึค', 'ๆไำพะัีรนยบล', 'ๆไำพะัีรนย', 'ฟหกดเ้่าสวง', 'ฟหกดเ้่าสว',
  'ผปแอิืทมใฝ', 'ๆไำพะั', 'ฟหกดเ้', 'ผปแอิื', 'ๅๆฟผ/ไหป', 'กขคงจฉชซ', 'กขฃคฅฆงจฉชซฌญฎฏฐ', 'กไก่ไข่',
  // Thai digits.
  '๑๒๓๔๕๖๗๘', '๑๒๓๔๕๖๗๘๙๐๑๒', '๐๐๐๐๐๐๐๐',
];
