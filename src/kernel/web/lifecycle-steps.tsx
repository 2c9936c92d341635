/** Where a record stands on its lifecycle's road: a step bar of the workflow's stages, from the `progress` the API gives. */
import { Steps } from 'antd';
import type { StateView } from '../universal/workflow.ts';
import { useIsMobile } from './core-hooks.ts';
import { useI18n } from './i18n.tsx';

/** The stages of the record's workflow, the current one named by the record's state; stopped roads show in red. */
export function LifecycleSteps({ progress, testId }: { progress: Pick<StateView, 'label' | 'stages' | 'stage' | 'status'>; testId?: string }) {
  const { t } = useI18n();
  const mobile = useIsMobile();
  const { stages, stage: current, status, label } = progress;
  return (
    <Steps
      data-testid={testId}
      current={current}
      status={status}
      orientation={mobile ? 'vertical' : 'horizontal'}
      size="small"
      items={stages.map((s, i) => ({ title: t(s), content: i === current ? t(label) : undefined }))}
      style={{ marginBottom: 8 }}
    />
  );
}
