/**
 * What other modules' server code may use of the 会议 module (imports from other modules go through this file only).
 */
export { meetingsModule } from './module.ts';
export { meetingsLifecycle } from './domain/meetings-lifecycle.ts';
export { attendanceOf, canSeeMeeting, meetingKindLabels, type AttendanceCode, type MeetingKind } from './domain/meeting-rules.ts';
