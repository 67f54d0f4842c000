/**
 * How a coefficient is usually read, so that a figure comes with words a reviewer recognises:
 * κ on Landis & Koch's (1977) bands, α on Krippendorff's (2004) thresholds. Conventions, not
 * laws: the view prints them as such.
 */

/** Landis & Koch: poor (< 0), slight, fair, moderate, substantial, almost perfect. */
export type KappaBand = 'poor' | 'slight' | 'fair' | 'moderate' | 'substantial' | 'almostPerfect';

/** The Landis & Koch band of κ (upper bounds inclusive: 0,20 is slight, 0,21 fair); null stays null. */
export function kappaBand(kappa: number | null): KappaBand | null {
  if (kappa === null || !Number.isFinite(kappa)) return null;
  if (kappa < 0) return 'poor';
  if (kappa <= 0.2) return 'slight';
  if (kappa <= 0.4) return 'fair';
  if (kappa <= 0.6) return 'moderate';
  if (kappa <= 0.8) return 'substantial';
  return 'almostPerfect';
}

/** Krippendorff: α ≥ 0,800 reliable; 0,667–0,800 tentative conclusions only; below, not reliable. */
export type AlphaBand = 'reliable' | 'tentative' | 'unreliable';

export function alphaBand(alpha: number | null): AlphaBand | null {
  if (alpha === null || !Number.isFinite(alpha)) return null;
  if (alpha >= 0.8) return 'reliable';
  if (alpha >= 0.667) return 'tentative';
  return 'unreliable';
}
