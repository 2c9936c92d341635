/** Permission codes: '<module>.<verb>'. The manifest declares them with their Chinese names and default roles. */
export const documentsPermissions = {
  /** 拟稿, 分发 and 催阅 (office staff) */
  draft: 'documents.draft',
  /** 核稿, 会签 and 签发 as the type's chain names the role */
  approve: 'documents.approve',
  /** the whole archive of the CPPCC (公文档案) and its figures */
  readAll: 'documents.read_all',
  /** documents distributed to oneself or one's organisation (收文) */
  receive: 'documents.receive',
} as const;
