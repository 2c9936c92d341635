export { MyNoticePage as default } from './my-notices.tsx';
