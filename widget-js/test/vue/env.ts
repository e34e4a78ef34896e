import type {} from '@asyncops/widget/vue';
