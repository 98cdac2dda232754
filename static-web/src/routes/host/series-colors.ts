// Chart colours that read on light and dark backgrounds (Mantine's 6th shades).
export const COLORS = {
  cpu: '#228be6',
  memory: '#be4bdb',
  disk: '#fab005',
  swap: '#fd7e14',
  sent: '#12b886',
  recv: '#4c6ef5',
  health: '#40c057',
  load: '#868e96',
};
