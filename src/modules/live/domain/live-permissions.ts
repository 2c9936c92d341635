/** Permission codes of 网络议政: '<module>.<verb>'. The manifest declares them with their Chinese names and default roles. */
export const livePermissions = {
  /** 主持: create sessions (议政会), open and close them, moderate, route questions */
  host: 'live.host',
  /** 参与: join the sessions of one's CPPCC as a member, a department responder or an expert */
  join: 'live.join',
  /** 查看全部: every session of one's CPPCC with its figures */
  readAll: 'live.read_all',
} as const;
