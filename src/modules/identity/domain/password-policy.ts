/** 密码策略: the password rules level-3 protection (等保 2.0 三级) asks for. Pure. */

export const PASSWORD_MIN_LENGTH = 10;

/** Classes of characters; a password needs at least three of the four. */
export function characterClasses(pw: string): number {
  let n = 0;
  if (/[a-z]/.test(pw)) n++;
  if (/[A-Z]/.test(pw)) n++;
  if (/[0-9]/.test(pw)) n++;
  if (/[^a-zA-Z0-9]/.test(pw)) n++;
  return n;
}

/** Why the password breaks the policy (a Chinese phrase that follows the field label), or null when it is acceptable. */
export function passwordProblem(pw: string, username: string): string | null {
  if ([...pw].length < PASSWORD_MIN_LENGTH) return `长度不能少于 ${PASSWORD_MIN_LENGTH} 位`;
  if (characterClasses(pw) < 3) return '须包含小写字母、大写字母、数字、符号中的至少三类';
  if (username && pw.toLowerCase().includes(username.toLowerCase())) return '不能包含用户名';
  return null;
}
