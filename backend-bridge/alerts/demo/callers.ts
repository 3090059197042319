/** Made-up callers for demo emergency calls and complaints: plausible, never real. */
import type { Prng } from '../../city/prng';

const SURNAMES = ['王', '李', '张', '刘', '陈', '杨', '黄', '赵', '吴', '周', '徐', '孙', '马', '朱', '胡', '郭', '何', '林'];
const GIVEN = ['伟', '芳', '娜', '敏', '静', '丽', '强', '磊', '军', '洋', '勇', '艳', '杰', '娟', '涛', '明', '超', '秀英'];
/** Second digits of Chinese mobile numbers. */
const MOBILE_PREFIXES = ['3', '5', '7', '8', '9'];

export function demoCaller(rng: Prng): { callerName: string; callerPhone: string } {
  let digits = '';
  for (let i = 0; i < 9; i++) digits += String(rng.int(0, 9));
  return { callerName: rng.pick(SURNAMES) + rng.pick(GIVEN), callerPhone: `1${rng.pick(MOBILE_PREFIXES)}${digits}` };
}
