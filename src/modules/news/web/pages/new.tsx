export { NewsCreatePage as default } from './detail.tsx';
